package dev.annals.cli.migrate;

import dev.annals.event.RecordedEvent;
import dev.annals.example.bank.account.AccountEvents;
import dev.annals.serialization.EventTransform;
import java.util.List;

/** What an application hands to {@code --transform}: the bank's upcasters, so that the target stores today's shapes. */
public final class BankUpcasting implements EventTransform {

    private final EventTransform upcasting = EventTransform.upcasting(List.of(AccountEvents.registry()));

    @Override
    public RecordedEvent transform(RecordedEvent event) {
        return upcasting.transform(event);
    }
}
