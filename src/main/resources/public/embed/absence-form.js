/*
 * Open Attendance: absence-report form for a school's own website.
 *   <div id="absence-form"></div>
 *   <script src="https://attendance.example.org/embed/absence-form.js" data-school="123" data-target="absence-form"></script>
 * The page's origin must be one of the school's allowed origins. The parent proves who they are with a one-time code
 * sent to the mobile number the school holds, then reports one or more of their children absent. Optional
 * data-heading-level (default 2) fits the form's headings into the school's page outline.
 * The form draws itself in a shadow root with parent-form-kit.js, which it loads from the same address.
 */
(function () {
  "use strict";
  var script = document.currentScript;

  function start() {
    var kit = window.OpenAttendanceEmbed;
    var el = kit.el;
    var ui = kit.mount(script, { name: "absence-form", aliases: { pupilIds: "pupil", body: "reason" } });
    ui.signIn("Report an absence", "Tell the school your child is not coming in. First we check it is you.").then(report);

    function report() {
      var step = ui.step("Which children, when and why?");
      ui.send("GET", "/children").then(function (children) {
        step.choices("pupil", "Which children are absent?", "Choose all that apply.",
          children.map(function (c) { return [String(c.pupilId), c.name]; }));
        var today = new Date().toISOString().slice(0, 10);
        var when = step.group("When");
        var first = when.field("First day of absence", el("input", { name: "firstDate", type: "date", value: today }));
        var back = when.field("Expected back", el("input", { name: "expectedReturn", type: "date" }), "Leave empty if it is just today.");
        var category = step.field("Reason", el("select", { name: "category" }));
        [["ILLNESS", "Illness"], ["MEDICAL_APPOINTMENT", "Medical or dental appointment"], ["RELIGIOUS_OBSERVANCE", "Religious observance"],
         ["LATE_ARRIVAL", "Coming in late"], ["OTHER", "Something else"]].forEach(function (o) {
          category.appendChild(el("option", { value: o[0] }, o[1]));
        });
        var reason = step.field("Tell us a little more", el("textarea", { name: "reason", maxlength: "1000" }), "Optional. Up to 1,000 characters.");
        step.button("Send", "report");
        var boxes = function () { return Array.prototype.slice.call(step.form.querySelectorAll("input[name=pupil]")); };
        step.onSubmit(null, function () {
          var problems = [];
          if (!boxes().some(function (b) { return b.checked; })) { problems.push({ field: "pupil", message: "Choose which child is absent" }); }
          if (!first.value) { problems.push({ field: "firstDate", message: "Enter the first day of absence" }); }
          return problems;
        }, function () {
          var ids = boxes().filter(function (b) { return b.checked; }).map(function (b) { return Number(b.value); });
          return ui.send("POST", "/absence-reports?channel=WEB_FORM", { pupilIds: ids, firstDate: first.value, expectedReturn: back.value || null,
            category: category.value, reason: reason.value }).then(function (r) {
            ui.done("Thank you", "We have recorded the absence of " + r.map(function (x) { return x.pupilName; }).join(" and ")
              + ". You do not need to phone as well.");
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
