package dev.annals.serialization;

/** Test events whose schema has a history: see {@link ParcelEvents}. */
sealed interface ParcelEvent {

    /** v3: v1 was {@code {"to":…}}, v2 renamed it {@code {"address":…}}, v3 added {@code priority}. */
    record Sent(String address, boolean priority) implements ParcelEvent {}

    /** v1 of "Delivered" carried a signature too; it splits into Delivered and Signed. */
    record Delivered(String at) implements ParcelEvent {}

    record Signed(String by) implements ParcelEvent {}
}
