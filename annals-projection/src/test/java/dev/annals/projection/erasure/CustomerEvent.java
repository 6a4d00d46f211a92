package dev.annals.projection.erasure;

import dev.annals.serialization.EventTypeRegistry;

/** Test events with personal data: a customer's name, e-mail and age, keyed by a pseudonymous id. */
sealed interface CustomerEvent {

    EventTypeRegistry<CustomerEvent> REGISTRY = EventTypeRegistry.builder(CustomerEvent.class)
            .register(Registered.class, "CustomerRegistered")
            .register(Deposited.class, "Deposited")
            .personalData("CustomerRegistered", "customerId", "name", "email", "age")
            .build();

    record Registered(String customerId, String name, String email, Integer age) implements CustomerEvent {}

    record Deposited(String customerId, long amount) implements CustomerEvent {}
}
