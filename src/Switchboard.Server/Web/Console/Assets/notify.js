// Desktop notifications of offers (the Notification API), for an agent whose page is behind other windows. The
// browser asks for permission only after the agent presses the button (a user gesture, as browsers require); a
// notification is shown only while the page is hidden or not focused (otherwise the offer panel, chime and title do
// it), is replaced by the next offer, closed when the offer is gone, and a click brings the page forward.

import { t } from './i18n.js';

const $ = id => document.getElementById(id);
let shown = null;
let count = 0;

function supported() {
  return 'Notification' in window;
}

function render() {
  const button = $('notify-enable');
  const status = $('notify-status');
  if (!supported()) {
    button.classList.add('hidden');
    status.textContent = t('notify.unsupported');
    return;
  }

  const permission = Notification.permission;
  button.classList.toggle('hidden', permission !== 'default');
  status.textContent = permission === 'granted' ? t('notify.on') : permission === 'denied' ? t('notify.denied') : '';
  status.dataset.permission = permission;
}

/** Wires the button that asks for permission; call once. */
export function wireNotifications() {
  $('notify-enable').addEventListener('click', async () => {
    if (supported()) {
      await Notification.requestPermission();
    }
    render();
  });
  render();
}

/** Redraws the labels after a language switch. */
export const renderNotifications = render;

/** Shows a notification of an offer (title and body as the page words them) when allowed and the page is not in view. */
export function notifyOffer(title, body) {
  if (!supported() || Notification.permission !== 'granted' || (document.visibilityState === 'visible' && document.hasFocus())) {
    return;
  }

  closeOfferNotification();
  try {
    shown = new Notification(title, { body, tag: 'switchboard-offer', requireInteraction: true });
    shown.onclick = () => { window.focus(); $('accept')?.focus(); closeOfferNotification(); };
    count++;
    document.body.dataset.notifications = String(count);
  } catch {
    // Some browsers allow notifications only from a service worker; the panel, chime and title still show the offer.
    shown = null;
  }
}

/** Closes the offer's notification (taken, rejected, rescinded or timed out). */
export function closeOfferNotification() {
  shown?.close();
  shown = null;
}
