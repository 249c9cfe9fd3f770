// The public booking page's only script (src/components/booking/public-booking-page.tsx renders
// the HTML it enhances; the page ships no framework JavaScript). It adds what the server cannot
// know or do: the visitor's own time beside each time when their zone differs, the "Booking …"
// summary, and sending the form as JSON to POST /api/booking/<event> (the same body the API takes)
// with a busy button and one error next to it. Once booked it opens the prospect's manage page,
// which shows the confirmation (one way to render it: src/app/booking/[token]/page.tsx).
(function () {
  "use strict";
  var form = document.getElementById("booking-form");
  if (!form) return;
  var eventZone = form.getAttribute("data-time-zone") || "UTC";
  var submit = document.getElementById("booking-submit");
  var summary = document.getElementById("booking-summary");
  var errorSlot = document.getElementById("booking-error-slot");

  // As src/lib/time.ts formats a time: "9:30 AM MST" (en-US, short zone name, no narrow space).
  function timeIn(zone, iso) {
    return new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZoneName: "short", timeZone: zone }).format(new Date(iso)).replace(/\u202f/g, " ");
  }
  function zoneName(zone, iso) {
    var part = new Intl.DateTimeFormat("en-US", { timeZoneName: "short", timeZone: zone }).formatToParts(new Date(iso)).find(function (p) {
      return p.type === "timeZoneName";
    });
    return part ? part.value : zone;
  }
  var visitorZone = null;
  try {
    visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch (e) {
    visitorZone = null;
  }
  /** "9:30 AM MST your time" when the visitor's clock reads differently, else null. */
  function visitorTime(iso) {
    if (!visitorZone || visitorZone === eventZone || zoneName(visitorZone, iso) === zoneName(eventZone, iso)) return null;
    return timeIn(visitorZone, iso) + " your time";
  }

  var radios = Array.prototype.slice.call(form.querySelectorAll('input[name="start"]'));
  var anyDiffers = false;
  radios.forEach(function (radio) {
    var yours = visitorTime(radio.value);
    var slot = radio.parentElement && radio.parentElement.querySelector("[data-visitor-time]");
    if (!yours || !slot) return;
    anyDiffers = true;
    // Under the show's time, short enough for a phone's three columns; the note above says whose
    // time it is, and screen readers hear it too.
    slot.textContent = timeIn(visitorZone, radio.value);
    var whose = document.createElement("span");
    whose.className = "sr-only";
    whose.textContent = " your time";
    slot.appendChild(whose);
    slot.hidden = false;
  });
  var zoneNote = document.getElementById("booking-visitor-zone");
  if (zoneNote && anyDiffers) zoneNote.textContent = "; yours, " + visitorZone.replace(/_/g, " ") + ", is under each time";

  function showError(message) {
    errorSlot.textContent = "";
    if (!message) return;
    var alert = document.createElement("p");
    alert.setAttribute("role", "alert");
    alert.className = "rounded-md bg-destructive/10 px-3 py-2 text-sm text-destructive";
    alert.textContent = message;
    errorSlot.appendChild(alert);
  }

  function picked() {
    return radios.filter(function (r) {
      return r.checked;
    })[0] || null;
  }

  function showSummary() {
    var radio = picked();
    if (!radio) return;
    var yours = visitorTime(radio.value);
    summary.textContent = "Booking ";
    var strong = document.createElement("strong");
    strong.textContent = radio.getAttribute("data-label") + (yours ? " (" + yours + ")" : "");
    summary.appendChild(strong);
    summary.appendChild(document.createTextNode("."));
    summary.hidden = false;
  }
  form.addEventListener("change", function (e) {
    if (e.target && e.target.name === "start") {
      showSummary();
      showError(null);
    }
  });
  showSummary(); // a time the browser kept checked across a reload

  function setBusy(busy) {
    submit.disabled = busy;
    if (busy) submit.setAttribute("aria-busy", "true");
    else submit.removeAttribute("aria-busy");
    var icon = submit.querySelector("[data-busy-icon]");
    if (icon) icon.classList.toggle("hidden", !busy);
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var radio = picked();
    if (!radio) return showError("Pick one of the free times first.");
    var data = new FormData(form);
    function field(name) {
      return String(data.get(name) || "").trim();
    }
    var body = { start: radio.value, name: field("name"), company: field("company"), email: field("email"), website: field("website"), formToken: field("formToken") };
    if (field("rep")) body.rep = field("rep");
    setBusy(true);
    showError(null);
    fetch("/api/booking/" + encodeURIComponent(form.getAttribute("data-event") || ""), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    })
      .then(function (response) {
        return response.json().then(
          function (payload) {
            return payload && typeof payload === "object" && "success" in payload ? payload : { success: false, error: "The server answered " + response.status };
          },
          function () {
            return { success: false, error: "The server answered " + response.status };
          },
        );
      })
      .then(
        function (result) {
          if (!result.success) {
            setBusy(false);
            return showError(result.error);
          }
          // The button stays busy while the confirmation page opens.
          window.location.assign(result.data.manageUrl + "?booked=1" + (result.data.inviteSent ? "" : "&invite=0"));
        },
        function () {
          setBusy(false);
          showError("Network error — check your connection and try again");
        },
      );
  });
})();
