package dev.workspace.mfa.admin.it;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;

/** Test code run as {@value AdminDeployment#OWNER_EMAIL}, in the role {@code owner}. */
@Stateless
@LocalBean
@PermitAll
@RunAs("owner")
public class AsOwner extends Caller {
}
