/* The page editor: a "Save draft" or "Publish" pressed while Wagtail's autosave request is still
   on its way waits for that request, then goes ahead.

   On a new page the first autosave creates the page and points the form at the page's edit URL.
   A submit sent meanwhile still went to the "add" URL and tried to create the page a second
   time, which failed ("the slug is already in use") although the draft had been saved. Now that
   drafts of a module save with what is there, autosave on a new module succeeds early, so the
   trainer would meet this; the submit now waits until the autosave has answered. */
(function () {
    "use strict";
    var FORM = "#page-edit-form";
    var saving = false;
    var waiting = null; // {form, submitter} held back while the autosave runs

    function settle() {
        saving = false;
        if (!waiting) return;
        var held = waiting;
        waiting = null;
        // The footer's buttons show their progress state (disabled) by now; keep what the
        // pressed button said ("action-publish", …) in the form, then submit again.
        var submitter = held.submitter;
        if (submitter && submitter.name && !held.form.querySelector('input[type=hidden][name="' + submitter.name + '"]')) {
            var input = document.createElement("input");
            input.type = "hidden";
            input.name = submitter.name;
            input.value = submitter.value;
            held.form.appendChild(input);
        }
        held.form.requestSubmit();
    }

    document.addEventListener("w-autosave:save", function (event) {
        if (!event.defaultPrevented && event.target.matches && event.target.matches(FORM)) saving = true;
    });
    document.addEventListener("w-autosave:success", settle);
    document.addEventListener("w-autosave:error", settle);

    document.addEventListener(
        "submit",
        function (event) {
            var form = event.target;
            if (!saving || !form.matches || !form.matches(FORM)) return;
            event.preventDefault();
            event.stopImmediatePropagation();
            waiting = { form: form, submitter: event.submitter };
            // Should the autosave never answer, the save still goes ahead.
            window.setTimeout(function () { if (waiting) settle(); }, 10000);
        },
        true
    );
})();
