package dev.workspace.mfa.web.signin;

import dev.workspace.mfa.web.security.SecurityHeaders;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

/**
 * {@code /logout}: a POST ends the session and returns to the sign-in page; a GET shows a page with a
 * <b>Sign out</b> button, so that a link or an image cannot sign anyone out. Posts from another site are refused
 * before they get here (RequestGuardFilter).
 */
@WebServlet("/logout")
public class SignOutServlet extends HttpServlet {

    static final String CONFIRMATION_PAGE = "/signout.xhtml";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        request.getRequestDispatcher(CONFIRMATION_PAGE).forward(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        request.logout();
        SecurityHeaders.allowNothing(response);
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + "/login?signedOut");
    }
}
