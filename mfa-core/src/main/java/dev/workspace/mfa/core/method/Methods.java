package dev.workspace.mfa.core.method;

import dev.workspace.mfa.persistence.secondfactor.SecondFactorMethod;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.EnumMap;
import java.util.Map;

/** Every {@link TwoFactorMethod} bean, found by its type: adding a method is adding a bean, nothing else. */
@ApplicationScoped
public class Methods {

    @Inject
    @Any
    private Instance<TwoFactorMethod> beans;

    private final Map<SecondFactorMethod, TwoFactorMethod> byType = new EnumMap<>(SecondFactorMethod.class);

    @PostConstruct
    void collect() {
        beans.forEach(method -> byType.put(method.type(), method));
    }

    public TwoFactorMethod of(SecondFactorMethod type) {
        TwoFactorMethod method = byType.get(type);
        if (method == null) {
            throw new IllegalStateException("no method bean for " + type);
        }
        return method;
    }
}
