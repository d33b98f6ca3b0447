package dev.envparity.web;

import dev.envparity.history.ServicePage;
import dev.envparity.report.DashboardView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The HTML pages, checked at build time (src/main/resources/templates). Qute escapes every value. */
@CheckedTemplate
public class Templates {
    private Templates() {
    }

    /** @param signOut whether to offer signing out (a token is configured) */
    public static native TemplateInstance dashboard(DashboardView view, boolean signOut);

    public static native TemplateInstance login(String error);

    /** One service's page, with its timeline. */
    public static native TemplateInstance service(ServicePage page, boolean signOut);
}
