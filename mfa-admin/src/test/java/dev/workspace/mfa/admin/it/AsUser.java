package dev.workspace.mfa.admin.it;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;

/** Test code run as {@value AdminDeployment#USER_EMAIL}, in the role {@code user}. */
@Stateless
@LocalBean
@PermitAll
@RunAs("user")
public class AsUser extends Caller {
}
