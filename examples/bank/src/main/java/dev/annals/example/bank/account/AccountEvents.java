package dev.annals.example.bank.account;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.annals.example.bank.account.AccountEvent.AccountClosed;
import dev.annals.example.bank.account.AccountEvent.AccountFrozen;
import dev.annals.example.bank.account.AccountEvent.AccountOpened;
import dev.annals.example.bank.account.AccountEvent.AccountUnfrozen;
import dev.annals.example.bank.account.AccountEvent.Deposited;
import dev.annals.example.bank.account.AccountEvent.Withdrawn;
import dev.annals.serialization.EventCodec;
import dev.annals.serialization.EventTypeRegistry;
import dev.annals.serialization.SerializedEvent;
import dev.annals.serialization.Upcaster;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored names and schema versions of account events, and how older versions are read today.
 *
 * <p>History of the schema, kept here because stored events never change:
 * <ul>
 *   <li>{@code AccountOpened} v1 was {@code {"owner":…,"initialDeposit":…}}; v2 dropped the deposit,
 *       which is a {@code Deposited} of its own, so a v1 event reads as an {@code AccountOpened} v2
 *       followed by a {@code Deposited} v2 (when the deposit was above zero).</li>
 *   <li>{@code Deposited} v1 was {@code {"cents":…}}; v2 renamed the field to {@code amount}.</li>
 * </ul>
 */
public final class AccountEvents {

    private static final EventTypeRegistry<AccountEvent> REGISTRY = EventTypeRegistry.builder(AccountEvent.class)
            .register(AccountOpened.class, "AccountOpened", 2)
            .register(Deposited.class, "Deposited", 2)
            .register(Withdrawn.class, "Withdrawn")
            .register(AccountFrozen.class, "AccountFrozen")
            .register(AccountUnfrozen.class, "AccountUnfrozen")
            .register(AccountClosed.class, "AccountClosed")
            .register(AccountEvent.TransferDebited.class, "TransferDebited")
            .register(AccountEvent.TransferCredited.class, "TransferCredited")
            .register(AccountEvent.TransferRefunded.class, "TransferRefunded")
            .register(AccountEvent.TransferSettled.class, "TransferSettled")
            .upcast("AccountOpened", 1, AccountEvents::splitInitialDeposit)
            .upcast("Deposited", 1, Upcaster.renameField("cents", "amount"))
            .build();

    private static final EventCodec<AccountEvent> CODEC = new EventCodec<>(REGISTRY);

    private AccountEvents() {}

    /** The registry of account events. */
    public static EventTypeRegistry<AccountEvent> registry() {
        return REGISTRY;
    }

    /** The codec that stores account events by that registry. */
    public static EventCodec<AccountEvent> codec() {
        return CODEC;
    }

    private static List<SerializedEvent> splitInitialDeposit(SerializedEvent opened) {
        var payload = opened.payload();
        var initialDeposit = payload.remove("initialDeposit");
        var events = new ArrayList<SerializedEvent>();
        events.add(opened.at(2, payload));
        if (initialDeposit != null && initialDeposit.asLong() > 0) {
            var deposit = JsonNodeFactory.instance.objectNode().put("amount", initialDeposit.asLong());
            events.add(new SerializedEvent("Deposited", 2, deposit));
        }
        return events;
    }
}
