package dev.workspace.mfa.web.admin;

import dev.workspace.mfa.admin.adoption.Adoption;
import dev.workspace.mfa.admin.adoption.AdoptionReport;
import dev.workspace.mfa.admin.adoption.WeeklyEnrollments;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The owners' adoption figures on /admin, read once per request, and the weekly enrollments as a Chart.js bar chart. */
@Named
@RequestScoped
public class AdoptionBean {

    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    @Inject
    private AdoptionReport report;

    private Adoption adoption;

    public Adoption getAdoption() {
        if (adoption == null) {
            adoption = report.current();
        }
        return adoption;
    }

    public List<Map.Entry<String, Long>> getByMethod() {
        return List.copyOf(getAdoption().byMethod().entrySet());
    }

    public String weekOf(WeeklyEnrollments week) {
        return WEEK.format(week.monday());
    }

    /** The chart's configuration: weeks as labels, enrollments as bars, whole numbers on the axis. */
    public String getChart() {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder counts = Json.createArrayBuilder();
        getAdoption().enrollments().forEach(week -> {
            labels.add(weekOf(week));
            counts.add(week.count());
        });
        return Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", labels)
                        .add("datasets", Json.createArrayBuilder().add(Json.createObjectBuilder()
                                .add("label", "Enrollments").add("data", counts).add("backgroundColor", "#1f3a5f"))))
                .add("options", Json.createObjectBuilder().add("maintainAspectRatio", false).add("animation", false)
                        .add("plugins", Json.createObjectBuilder().add("legend", Json.createObjectBuilder().add("display", false)))
                        .add("scales", Json.createObjectBuilder().add("y", Json.createObjectBuilder().add("beginAtZero", true)
                                .add("ticks", Json.createObjectBuilder().add("precision", 0)))))
                .build().toString();
    }
}
