package dev.workspace.mfa.web;

import dev.workspace.mfa.web.security.SignInSession;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Sessions move between the nodes of a cluster (web.xml {@code <distributable/>}), so whatever a session keeps must
 * be Serializable all the way down: the view- and session-scoped beans' own fields (injected ones are container
 * proxies, which are, and must not be transient: nothing injects them again on the next node), and the values {@link SignInSession} and the step-up keep as attributes. A field that is not
 * would be lost, or break the page, the first time the other node answers.
 */
class SessionStateTest {

    /** What SignInSession and StepUp put into the session as attributes. */
    private static final List<String> SESSION_ATTRIBUTES = List.of(
            "dev.workspace.mfa.web.security.SignedInUser", "dev.workspace.mfa.web.security.PendingSignIn",
            "dev.workspace.mfa.core.method.Challenge", "dev.workspace.mfa.core.stepup.StepUpGrant");

    @Test
    void everythingASessionKeepsIsSerializable() throws Exception {
        List<Class<?>> kept = new ArrayList<>();
        for (Class<?> type : webClasses()) {
            if (type.isAnnotationPresent(ViewScoped.class) || type.isAnnotationPresent(SessionScoped.class)) {
                kept.add(type);
            }
        }
        assertFalse(kept.isEmpty(), "no view- or session-scoped beans found in target/classes");
        for (String name : SESSION_ATTRIBUTES) {
            kept.add(Class.forName(name));
        }
        List<String> problems = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        for (Class<?> type : kept) {
            check(type, type.getSimpleName(), problems, seen);
        }
        assertEquals(List.of(), problems);
    }

    private static void check(Class<?> type, String path, List<String> problems, Set<Class<?>> seen) {
        if (!seen.add(type)) {
            return;
        }
        if (!Serializable.class.isAssignableFrom(type)) {
            problems.add(path + ": " + type.getName() + " is not Serializable");
            return;
        }
        for (Class<?> c = type; c != null && c.getName().startsWith("dev.workspace."); c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (field.isAnnotationPresent(Inject.class) && Modifier.isTransient(modifiers)) {
                    problems.add(path + "." + field.getName() + ": injected but transient, so null on the next node");
                    continue;
                }
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isAnnotationPresent(Inject.class)
                        || field.isSynthetic()) {
                    continue;
                }
                Class<?> fieldType = field.getType();
                String where = path + "." + field.getName();
                if (fieldType.isPrimitive() || fieldType.isEnum() || Collection.class.isAssignableFrom(fieldType)
                        || Map.class.isAssignableFrom(fieldType) || fieldType.getName().startsWith("java.")
                        && Serializable.class.isAssignableFrom(fieldType)) {
                    continue;
                }
                if (fieldType.getName().startsWith("dev.workspace.")) {
                    check(fieldType, where, problems, seen);
                } else if (!Serializable.class.isAssignableFrom(fieldType)) {
                    problems.add(where + ": " + fieldType.getName() + " is not Serializable");
                }
            }
        }
    }

    private static List<Class<?>> webClasses() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target", "classes");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (!name.endsWith("package-info")) {
                    found.add(Class.forName(name, false, SessionStateTest.class.getClassLoader()));
                }
            }
        }
        return found;
    }
}
