package dev.workspace.mfa.admin.it;

import java.util.concurrent.Callable;

/**
 * Runs test code as one of the workspace's people, the way the container runs a signed-in person's request: the
 * services see that person as the caller (principal and roles), so their role checks and the actor they audit are
 * the real ones. Each caller is a {@code @RunAs} bean ({@link AsOwner}, {@link AsAdmin}, {@link AsUser}) whose
 * principal the test deployment names in {@code glassfish-ejb-jar.xml}.
 */
public abstract class Caller {

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }

    public void run(Work work) throws Exception {
        call(() -> {
            work.run();
            return null;
        });
    }

    @FunctionalInterface
    public interface Work {
        void run() throws Exception;
    }
}
