/*
 * Open Attendance: absence-report form for a school's own website.
 *   <div id="absence-form"></div>
 *   <script src="https://attendance.example.org/embed/absence-form.js" data-school="123" data-target="absence-form"></script>
 * The page's origin must be one of the school's allowed origins. The parent proves who they are with a one-time code
 * sent to the mobile number or email address the school holds, then reports one or more of their children absent:
 * whole days or a morning or afternoon (a morning appointment), an expected return, and whether evidence will follow.
 * It speaks the browser's language where the kit has wording (English, Polish, Urdu, Romanian, Welsh), with a switch.
 * Optional data-heading-level (default 2) fits the form's headings into the school's page outline.
 * The form draws itself in a shadow root with parent-form-kit.js, which it loads from the same address.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var CATEGORIES = ["ILLNESS", "MEDICAL_APPOINTMENT", "RELIGIOUS_OBSERVANCE", "LATE_ARRIVAL", "OTHER"];
  var PARTS = ["ALL", "AM", "PM"];

  /**
   * The sessions a first and last day with their parts mean. One day: its part alone (morning only is AM to AM). More
   * than one day: the first day is all day or from the afternoon, the last all day or to the end of the morning.
   * A same-day afternoon-to-morning pair is passed on as it is, for the service to refuse by name (lastSession).
   */
  function sessions(firstDate, firstPart, lastDate, lastPart) {
    var oneDay = !lastDate || lastDate === firstDate;
    if (oneDay && (!lastDate || lastPart === "ALL")) {
      return { firstSession: firstPart === "PM" ? "PM" : "AM", lastSession: firstPart === "AM" ? "AM" : "PM" };
    }
    return { firstSession: firstPart === "PM" ? "PM" : "AM", lastSession: lastPart === "AM" ? "AM" : "PM" };
  }

  function start() {
    var kit = window.OpenAttendanceEmbed;
    var el = kit.el;
    var ui = kit.mount(script, { name: "absence-form", aliases: { pupilIds: "pupil", body: "reason", firstSession: "firstPart", lastSession: "lastPart" } });
    var t = ui.t;
    ui.signIn("absence.title", "absence.intro").then(report);

    function report() {
      var step = ui.step("absence.details");
      ui.list("/children").then(function (children) {
        step.choices("pupil", "absence.children", "absence.childrenHint", children.map(function (c) { return [String(c.pupilId), c.name]; }));
        // the parent's own calendar day (toISOString would give UTC's, yesterday's just after midnight in summer)
        var now = new Date();
        var today = [now.getFullYear(), String(now.getMonth() + 1).padStart(2, "0"), String(now.getDate()).padStart(2, "0")].join("-");
        var when = step.group("absence.when");
        var first = when.field("absence.firstDate", el("input", { name: "firstDate", type: "date", value: today }));
        var firstPart = when.select("absence.firstPart", "firstPart", PARTS, function (p) { return "part." + p; });
        var last = when.field("absence.lastDate", el("input", { name: "lastDate", type: "date" }), "absence.lastDateHint");
        var lastPart = when.select("absence.lastPart", "lastPart", PARTS, function (p) { return "part." + p; }, "absence.lastPartHint");
        var back = when.field("absence.back", el("input", { name: "expectedReturn", type: "date" }), "absence.backHint");
        var category = step.select("absence.category", "category", CATEGORIES, function (c) { return "category." + c; });
        var reason = step.field("absence.reason", el("textarea", { name: "reason", maxlength: "1000" }), "absence.reasonHint");
        var evidence = step.choices("evidenceToFollow", "absence.evidenceLegend", "absence.evidenceHint", [["true", "absence.evidence"]], true)[0];
        step.button("absence.send", "report");
        var boxes = function () { return Array.prototype.slice.call(step.form.querySelectorAll("input[name=pupil]")); };
        step.onSubmit(null, function () {
          var problems = [];
          var many = last.value && last.value !== first.value;
          if (!boxes().some(function (b) { return b.checked; })) { problems.push({ field: "pupil", key: "absence.childMissing" }); }
          if (!first.value) { problems.push({ field: "firstDate", key: "absence.firstMissing" }); }
          if (many && last.value < first.value) { problems.push({ field: "lastDate", key: "absence.error.lastDate" }); }
          if (many && firstPart.value === "AM") { problems.push({ field: "firstPart", key: "absence.firstPartMany" }); }
          if (many && lastPart.value === "PM") { problems.push({ field: "lastPart", key: "absence.lastPartMany" }); }
          if (!reason.value.trim()) { problems.push({ field: "reason", key: "absence.reasonMissing" }); }
          return problems;
        }, function () {
          var ids = boxes().filter(function (b) { return b.checked; }).map(function (b) { return Number(b.value); });
          var span = sessions(first.value, firstPart.value, last.value, lastPart.value);
          return ui.send("POST", "/absence-reports?channel=WEB_FORM", { pupilIds: ids, firstDate: first.value, firstSession: span.firstSession,
            lastDate: last.value || null, lastSession: span.lastSession, expectedReturn: back.value || null, category: category.value,
            reason: reason.value, evidenceToFollow: evidence.checked }).then(function (r) {
            var paragraphs = [
              function (tr) { return tr("absence.doneText", { names: tr.list(r.map(function (x) { return x.pupilName; })), date: tr.date(r[0].firstDate) }); },
              function (tr) { return tr("absence.doneReference", { references: r.map(function (x) { return x.id; }).join(", ") }); }
            ];
            if (r[0].evidenceToFollow) { paragraphs.push(function (tr) { return tr("absence.doneEvidence"); }); }
            ui.done("absence.doneTitle", paragraphs, { "data-reports": r.map(function (x) { return x.id; }).join(" ") });
          });
        });
      }, function (e) { step.fail(e); });
    }
  }

  // One script tag for the school; the shared kit comes from the same address, once per page.
  if (window.OpenAttendanceEmbed) { start(); return; }
  var kit = document.querySelector("script[data-open-attendance-kit]");
  if (!kit) {
    kit = document.createElement("script");
    kit.src = new URL("parent-form-kit.js", script.src).href;
    kit.setAttribute("data-open-attendance-kit", "");
    document.head.appendChild(kit);
  }
  kit.addEventListener("load", start);
})();
