package dev.envparity.trigger.http;

import dev.envparity.report.DashboardView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The HTML pages, checked at build time (src/main/resources/templates). Qute escapes every value. */
@CheckedTemplate
public class Templates {
    private Templates() {
    }

    public static native TemplateInstance dashboard(DashboardView view);

    public static native TemplateInstance login(String error);
}
