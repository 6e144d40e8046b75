import { defineBackground } from '#imports';

export default defineBackground(() => {
  // The toolbar action opens the popup; injection happens from the popup, which holds the
  // activeTab grant. Nothing runs here until later features need it.
});
