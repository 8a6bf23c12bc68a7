/* A content image in the page editor (scenarios.blocks.ContentImageBlock): Wagtail's image block
   without copying the chosen image's title into the alt text. The trainer writes the alt text;
   its help text says how. "Image is decorative" still switches the alt text field off. */
(function () {
    "use strict";
    var StructBlockDefinition = window.wagtailStreamField.blocks.StructBlockDefinition;

    class ContentImageBlockDefinition extends StructBlockDefinition {
        render(placeholder, prefix, initialState, initialError) {
            var block = super.render(placeholder, prefix, initialState, initialError);
            var altText = document.getElementById(prefix + "-alt_text");
            var decorative = document.getElementById(prefix + "-decorative");
            if (altText && decorative) {
                var sync = function () {
                    if (decorative.checked) altText.setAttribute("disabled", "true");
                    else altText.removeAttribute("disabled");
                };
                sync();
                decorative.addEventListener("change", sync);
            }
            return block;
        }
    }

    window.telepath.register("scenarios.blocks.ContentImageBlock", ContentImageBlockDefinition);
})();
