/*
 * Open Attendance: leave-of-absence request form for a school's own website.
 *   <div id="leave-form"></div>
 *   <script src="https://attendance.example.org/embed/leave-form.js" data-school="123" data-target="leave-form"></script>
 * The page's origin must be one of the school's allowed origins (the service refuses others). The parent proves who
 * they are with a one-time code sent to the mobile number or email address the school holds, then asks for leave for one child:
 * dates (whole days, or from a morning or afternoon), the ground, the reason and any supporting documents.
 * It speaks the browser's language where the kit has wording (English, Polish, Urdu, Romanian, Welsh), with a switch.
 * Optional data-heading-level (default 2) fits the form's headings into the school's page outline.
 * The form draws itself in a shadow root with parent-form-kit.js, which it loads from the same address.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  var GROUNDS = ["EXCEPTIONAL_CIRCUMSTANCES", "PERFORMANCE_OR_EMPLOYMENT_ABROAD", "INTERVIEW", "STUDY_LEAVE", "PART_TIME_TIMETABLE",
    "RELIGIOUS_OBSERVANCE", "PARENT_TRAVELLING_FOR_WORK"];

  function start() {
    var kit = window.OpenAttendanceEmbed;
    var el = kit.el;
    var ui = kit.mount(script, { name: "leave-form", aliases: { pupilId: "pupil", body: "reason" } });
    ui.signIn("leave.title", "leave.intro").then(ask);

    function ask() {
      var step = ui.step("leave.details");
      ui.list("/children").then(function (children) {
        var child = step.field("leave.child", el("select", { name: "pupil" }));
        children.forEach(function (c) { child.appendChild(el("option", { value: String(c.pupilId) }, c.name)); });
        var from = step.group("leave.from");
        var first = from.field("leave.firstDate", el("input", { name: "firstDate", type: "date" }));
        var firstSession = from.select("leave.starting", "firstSession", ["AM", "PM"], function (s) { return "leave.from" + s; });
        var to = step.group("leave.until");
        var last = to.field("leave.lastDate", el("input", { name: "lastDate", type: "date" }));
        var lastSession = to.select("leave.ending", "lastSession", ["PM", "AM"], function (s) { return "leave.to" + s; });
        var ground = step.select("leave.ground", "ground", GROUNDS, function (g) { return "ground." + g; });
        var festival = step.field("leave.festival", el("input", { name: "festival", type: "text", maxlength: "100" }), "leave.festivalHint");
        var reason = step.field("leave.reason", el("textarea", { name: "reason", maxlength: "2000" }));
        var files = step.field("leave.documents", el("input", { name: "documents", type: "file",
          multiple: "multiple", accept: "application/pdf,image/jpeg,image/png" }), "leave.documentsHint");
        step.button("leave.send", "request");
        step.onSubmit(null, function () {
          var problems = [];
          if (!first.value) { problems.push({ field: "firstDate", key: "leave.firstMissing" }); }
          if (!last.value) { problems.push({ field: "lastDate", key: "leave.lastMissing" }); }
          if (!reason.value.trim()) { problems.push({ field: "reason", key: "leave.reasonMissing" }); }
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
              ui.done("leave.doneTitle", [function (tr) {
                return tr("leave.doneText", { name: request.pupilName, days: request.schoolDays, date: tr.date(request.firstDate) });
              }], { "data-request": String(request.id) });
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
