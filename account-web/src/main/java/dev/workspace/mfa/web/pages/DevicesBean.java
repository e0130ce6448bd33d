package dev.workspace.mfa.web.pages;

import dev.workspace.mfa.core.device.DeviceEntry;
import dev.workspace.mfa.core.device.RememberedDevices;
import dev.workspace.mfa.web.faces.Messages;
import dev.workspace.mfa.web.security.ClientAddress;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.util.List;

/** "Remembered devices" on the security page: the browsers that skip the second step, each to forget, or all. */
@Named
@RequestScoped
public class DevicesBean {

    @Inject
    private RememberedDevices devices;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private ClientAddress clientAddress;

    @Inject
    private FacesContext facesContext;

    private List<DeviceEntry> list;

    /** The workspace lets browsers be remembered (the card is shown only then). */
    public boolean isOffered() {
        return devices.rememberDays() > 0;
    }

    public List<DeviceEntry> getList() {
        if (list == null) {
            list = devices.list(currentUser.accountId());
        }
        return list;
    }

    public void forget(long deviceId) {
        devices.forget(currentUser.accountId(), deviceId, clientAddress.client(request()));
        list = null;
        Messages.info(facesContext, "devices.forgotten");
    }

    public void forgetAll() {
        devices.forgetAll(currentUser.accountId(), clientAddress.client(request()));
        list = null;
        Messages.info(facesContext, "devices.allForgotten");
    }

    private HttpServletRequest request() {
        return (HttpServletRequest) facesContext.getExternalContext().getRequest();
    }
}
