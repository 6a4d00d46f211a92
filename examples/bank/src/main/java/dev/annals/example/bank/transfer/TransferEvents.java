package dev.annals.example.bank.transfer;

import dev.annals.serialization.EventCodec;
import dev.annals.serialization.EventTypeRegistry;

/** The stored names of transfer events (all at schema version 1) and their codec. */
public final class TransferEvents {

    private static final EventTypeRegistry<TransferEvent> REGISTRY = EventTypeRegistry.builder(TransferEvent.class)
            .register(TransferEvent.TransferRequested.class, "TransferRequested")
            .register(TransferEvent.SourceDebited.class, "TransferSourceDebited")
            .register(TransferEvent.DebitRejected.class, "TransferDebitRejected")
            .register(TransferEvent.TransferCompleted.class, "TransferCompleted")
            .register(TransferEvent.CreditRejected.class, "TransferCreditRejected")
            .register(TransferEvent.SourceRefunded.class, "TransferSourceRefunded")
            .build();

    private static final EventCodec<TransferEvent> CODEC = new EventCodec<>(REGISTRY);

    private TransferEvents() {}

    /** The codec of transfer events. */
    public static EventCodec<TransferEvent> codec() {
        return CODEC;
    }
}
