package dev.workspace.mfa.core.setup;

/** Whether the application may take traffic: started, database reachable and migrated. */
public interface ReadinessService {

    boolean isReady();
}
