package dev.annals.drill.fault;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ChildJvmTest {

    /** A drill's child: it says who it is and waits forever, as a writer between appends does. */
    public static final class Child {
        public static void main(String[] args) throws InterruptedException {
            ChildJvm.exitWithParent();
            System.out.println("CHILD " + ProcessHandle.current().pid());
            System.out.flush();
            new CountDownLatch(1).await();
        }
    }

    /** A child that repeats what the drill tells it. */
    public static final class Echo {
        public static void main(String[] args) throws InterruptedException {
            ChildJvm.exitWithParent(line -> {
                System.out.println("HEARD " + line);
                System.out.flush();
            });
            System.out.println("READY");
            System.out.flush();
            new CountDownLatch(1).await();
        }
    }

    /** A stand-in for {@code annals drill}: it starts a child, passes its pid on, and waits. */
    public static final class Parent {
        public static void main(String[] args) throws Exception {
            var started = new CountDownLatch(1);
            ChildJvm.start(Child.class, List.of(), line -> {
                System.out.println(line);
                System.out.flush();
                started.countDown();
            });
            started.await();
            new CountDownLatch(1).await();
        }
    }

    @Test
    void aChildHearsEachLineTheDrillTellsIt() throws Exception {
        var lines = new java.util.concurrent.CopyOnWriteArrayList<String>();
        try (var child = ChildJvm.start(Echo.class, List.of(), lines::add)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.contains("READY"));
            child.tell("ARM 3");
            child.tell("ARM 4");
            await().atMost(Duration.ofSeconds(30)).until(() -> lines.size() == 3);
            assertThat(lines).containsExactly("READY", "HEARD ARM 3", "HEARD ARM 4");
        }
    }

    @Test
    void aChildEndsWhenTheDrillThatStartedItIsKilled() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        var parent = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Parent.class.getName())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try (var out = new BufferedReader(new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            String line = out.readLine();
            assertThat(line).startsWith("CHILD ");
            var child = ProcessHandle.of(Long.parseLong(line.substring("CHILD ".length())))
                    .orElseThrow();
            assertThat(child.isAlive()).isTrue();

            parent.destroyForcibly();
            assertThat(parent.waitFor(30, TimeUnit.SECONDS)).isTrue();

            await().atMost(Duration.ofSeconds(20)).until(() -> !child.isAlive());
        } finally {
            parent.destroyForcibly();
        }
    }
}
