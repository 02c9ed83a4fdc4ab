package uk.openattendance.notify;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import uk.openattendance.Application;
import uk.openattendance.notify.app.Dispatcher;
import uk.openattendance.platform.time.MutableClock;

/**
 * A second instance of the service in its own JVM, for {@link NeverTwiceIT}: the whole application (server, database
 * pool, real Twilio SDK) started as {@link Application#main} starts it, whose dispatcher then runs back to back for
 * one school, at the test's moment, until the test kills the process. Only that school: other test classes' rows in
 * the shared test database are none of its business. Settings come as system properties ({@code -Dkey=value}).
 */
public final class SecondInstance {
    private SecondInstance() {}

    public static void main(String[] args) throws Exception {
        long school = Long.parseLong(System.getProperty("second.school"));
        Instant at = Instant.parse(System.getProperty("second.clock"));
        ApplicationContext ctx = Micronaut.build(args).mainClass(Application.class).banner(false).start();
        ctx.getBean(MutableClock.class).set(LocalDateTime.ofInstant(at, ZoneOffset.UTC), ZoneOffset.UTC);
        Dispatcher dispatcher = ctx.getBean(Dispatcher.class);
        System.out.println("SECOND INSTANCE READY");
        System.out.flush();
        while (true) {
            Dispatcher.Pass pass = dispatcher.dispatchDue(List.of(school));
            if (pass.sent() + pass.retried() + pass.failed() > 0) {
                System.out.println("second instance dispatched " + pass);
                System.out.flush();
            }
            Thread.sleep(100);
        }
    }
}
