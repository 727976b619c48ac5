/* Heluo iframe sizing for host pages: add this script once; every
   <iframe id="…" src="…/embed.html?…&id=…"> then takes its chart's height.
   Only messages from that iframe's own window are obeyed. */
(function () {
  "use strict";
  window.addEventListener("message", function (event) {
    var d = event.data;
    if (!d || d.type !== "heluo:height" || typeof d.id !== "string" || !(d.height > 0)) return;
    var frame = document.getElementById(d.id);
    if (frame && frame.contentWindow === event.source) frame.style.height = Math.min(d.height, 20000) + "px";
  });
})();
