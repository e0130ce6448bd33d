package dev.workspace.mfa.admin.it;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;

/** Test code run as {@value AdminDeployment#ADMIN_EMAIL}, in the role {@code admin}. */
@Stateless
@LocalBean
@PermitAll
@RunAs("admin")
public class AsAdmin extends Caller {
}
