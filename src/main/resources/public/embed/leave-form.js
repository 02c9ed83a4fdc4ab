/*
 * Open Attendance: leave-of-absence request form for a school's own website.
 *   <div id="leave-form"></div>
 *   <script src="https://attendance.example.org/embed/leave-form.js" data-school="123" data-target="leave-form"></script>
 * The page's origin must be one of the school's allowed origins (the service refuses others). The parent proves who
 * they are with a one-time code sent to the mobile number the school holds, then asks for leave for one child:
 * dates (whole days, or from a morning or afternoon), the ground, the reason and any supporting documents.
 * Optional data-heading-level (default 2) fits the form's headings into the school's page outline.
 * The form draws itself in a shadow root with parent-form-kit.js, which it loads from the same address.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var GROUNDS = [
    ["EXCEPTIONAL_CIRCUMSTANCES", "Exceptional circumstances"],
    ["PERFORMANCE_OR_EMPLOYMENT_ABROAD", "A performance or employment abroad (with a licence)"],
    ["INTERVIEW", "An interview (school, college, apprenticeship or job)"],
    ["STUDY_LEAVE", "Study leave"],
    ["PART_TIME_TIMETABLE", "A part-time timetable"],
    ["RELIGIOUS_OBSERVANCE", "A day of religious observance"],
    ["PARENT_TRAVELLING_FOR_WORK", "Travelling with a parent for their work"]
  ];

  function start() {
    var kit = window.OpenAttendanceEmbed;
    var el = kit.el;
    var ui = kit.mount(script, { name: "leave-form", aliases: { pupilId: "pupil", body: "reason" } });
    ui.signIn("Ask for leave of absence",
      "Leave in term time is granted only in exceptional circumstances. The headteacher decides, and we will write to you.").then(ask);

    function sessionSelect(name, first) {
      var s = el("select", { name: name });
      s.appendChild(el("option", { value: first ? "AM" : "PM" }, first ? "from the morning" : "to the end of the day"));
      s.appendChild(el("option", { value: first ? "PM" : "AM" }, first ? "from the afternoon" : "to the end of the morning"));
      return s;
    }

    function ask() {
      var step = ui.step("Your request");
      ui.send("GET", "/children").then(function (children) {
        var child = step.field("Which child", el("select", { name: "pupil" }));
        children.forEach(function (c) { child.appendChild(el("option", { value: String(c.pupilId) }, c.name)); });
        var from = step.group("From");
        var first = from.field("First day", el("input", { name: "firstDate", type: "date" }));
        var firstSession = from.field("Starting", sessionSelect("firstSession", true));
        var to = step.group("Until");
        var last = to.field("Last day", el("input", { name: "lastDate", type: "date" }));
        var lastSession = to.field("Ending", sessionSelect("lastSession", false));
        var ground = step.field("Why leave is needed", el("select", { name: "ground" }));
        GROUNDS.forEach(function (g) { ground.appendChild(el("option", { value: g[0] }, g[1])); });
        var festival = step.field("The festival or day", el("input", { name: "festival", type: "text", maxlength: "100" }),
          "For religious observance only.");
        var reason = step.field("Tell the headteacher more", el("textarea", { name: "reason", maxlength: "2000" }));
        var files = step.field("Supporting documents", el("input", { name: "documents", type: "file",
          multiple: "multiple", accept: "application/pdf,image/jpeg,image/png" }), "Optional. PDF, JPEG or PNG, up to 4 MB each.");
        step.button("Send request", "request");
        step.onSubmit(null, function () {
          var problems = [];
          if (!first.value) { problems.push({ field: "firstDate", message: "Enter the first day of leave" }); }
          if (!last.value) { problems.push({ field: "lastDate", message: "Enter the last day of leave" }); }
          return problems;
        }, function () {
          return ui.send("POST", "/leave-requests", { pupilId: Number(child.value), firstDate: first.value, firstSession: firstSession.value,
            lastDate: last.value, lastSession: lastSession.value, ground: ground.value, festival: festival.value || null, reason: reason.value })
            .then(function (request) {
              var uploads = Array.prototype.map.call(files.files || [], function (f) {
                var data = new FormData();
                data.append("file", f, f.name);
                return ui.send("POST", "/leave-requests/" + request.id + "/documents", data, true);
              });
              return Promise.all(uploads).then(function () { return request; });
            }).then(function (request) {
              ui.done("Request sent", "Your request for " + request.pupilName + " (" + request.schoolDays + " school days from "
                + request.firstDate + ") has been sent to the headteacher. We will write to you with the decision.",
                { "data-request": String(request.id) });
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
