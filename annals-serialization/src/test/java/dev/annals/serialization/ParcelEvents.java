package dev.annals.serialization;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;

/** The parcel registry used by the serialization tests, with a three-step chain and a split. */
final class ParcelEvents {

    private ParcelEvents() {}

    static EventTypeRegistry<ParcelEvent> registry() {
        return EventTypeRegistry.builder(ParcelEvent.class)
                .register(ParcelEvent.Sent.class, "parcel.sent", 3)
                .register(ParcelEvent.Delivered.class, "parcel.delivered", 2)
                .register(ParcelEvent.Signed.class, "parcel.signed")
                .upcast("parcel.sent", 1, Upcaster.renameField("to", "address"))
                .upcast("parcel.sent", 2, Upcaster.transform(payload -> payload.put("priority", false)))
                .upcast("parcel.delivered", 1, delivered -> {
                    var signature = delivered.payload().remove("signedBy");
                    return List.of(
                            delivered.at(2, delivered.payload()),
                            new SerializedEvent(
                                    "parcel.signed",
                                    1,
                                    JsonNodeFactory.instance.objectNode().put("by", signature.asText())));
                })
                .build();
    }
}
