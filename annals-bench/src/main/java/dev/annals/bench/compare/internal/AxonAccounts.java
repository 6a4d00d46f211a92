package dev.annals.bench.compare.internal;

import java.util.ArrayList;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;

/**
 * Axon's side of the entity-load benchmark: accounts appended through Axon's engine and loaded through an
 * {@link EventSourcingRepository} in a unit of work, as a command handler would load them.
 */
public final class AxonAccounts implements AutoCloseable {

    private static final int BATCH = 1_000;

    private final AxonTarget target;
    private final EmbeddedEventStore eventStore;
    private final EventSourcingRepository<AxonAccount> repository;

    private AxonAccounts(AxonTarget target) {
        this.target = target;
        this.eventStore =
                EmbeddedEventStore.builder().storageEngine(target.engine()).build();
        this.repository = EventSourcingRepository.builder(AxonAccount.class)
                .eventStore(eventStore)
                .build();
    }

    /** Accounts in Axon's tables in {@code database}, which this owns from now on and closes. */
    public static AxonAccounts create(Database database) throws Exception {
        return new AxonAccounts(AxonTarget.create(database, 1, 200, "AxonAccount"));
    }

    /** Opens account {@code id} and deposits into it until it has {@code events} events. */
    public void open(String id, int events) {
        var batch = new ArrayList<DomainEventMessage<?>>(BATCH);
        for (int i = 0; i < events; i++) {
            Object payload = i == 0 ? new AxonAccount.Opened(id, "owner of " + id) : new AxonAccount.Deposited(100);
            batch.add(new GenericDomainEventMessage<>("AxonAccount", id, i, payload));
            if (batch.size() == BATCH || i == events - 1) {
                target.engine().appendEvents(batch);
                batch.clear();
            }
        }
    }

    /** Loads account {@code id} from its events in a unit of work that is then rolled back; returns its balance. */
    public long load(String id) {
        var unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            return repository.load(id).invoke(AxonAccount::balance);
        } finally {
            unitOfWork.rollback();
        }
    }

    @Override
    public void close() throws Exception {
        eventStore.shutDown();
        target.close();
    }
}
