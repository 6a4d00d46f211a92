package dev.annals.bench.jmh;

import dev.annals.event.EventData;
import dev.annals.event.Metadata;
import dev.annals.event.RecordedEvent;
import dev.annals.example.bank.account.AccountEvent;
import dev.annals.example.bank.account.AccountEvents;
import dev.annals.serialization.EventCodec;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Serialization: encoding a bank event to its stored form, and decoding a stored event back. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class EventCodecBenchmark {

    private EventCodec<AccountEvent> codec;
    private AccountEvent deposited;
    private RecordedEvent recorded;

    /** Builds the codec and one stored event. */
    @Setup
    public void setUp() {
        codec = AccountEvents.codec();
        deposited = new AccountEvent.Deposited(12_345);
        EventData data = codec.encode(deposited, Metadata.empty());
        recorded = new RecordedEvent(
                "account-1",
                7,
                42,
                UUID.randomUUID(),
                data.type(),
                data.schemaVersion(),
                data.payload(),
                data.metadata(),
                Instant.now());
    }

    /** Encodes one event: JSON payload, type name, schema version, a new event id. */
    @Benchmark
    public EventData encode() {
        return codec.encode(deposited, Metadata.empty());
    }

    /** Decodes one stored event of the current schema version. */
    @Benchmark
    public List<AccountEvent> decode() {
        return codec.decode(recorded);
    }
}
