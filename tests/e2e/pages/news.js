"use strict";
/* Tells the tests the page is ready once its first chart is. */
document.addEventListener("heluo:ready", function () {
  document.documentElement.setAttribute("data-heluo", "ready");
});
