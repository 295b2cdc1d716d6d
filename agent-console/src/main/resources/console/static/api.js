// Sends a JSON body to the API as the signed-in console user (session cookie and CSRF token) and reads the answer as
// {status, body}: status 0 when the server could not be reached, body null when the answer is not JSON.
"use strict";
window.hotlineApi = {
  async post(url, body) {
    const csrf = document.querySelector('meta[name="csrf-token"]')?.content;
    try {
      const response = await fetch(url, { method: "POST", credentials: "same-origin", body: JSON.stringify(body),
        headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf } });
      return { status: response.status, body: await response.json().catch(() => null) };
    } catch (e) {
      return { status: 0, body: null };
    }
  }
};
