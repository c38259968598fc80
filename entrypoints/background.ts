export default defineBackground(() => {
  // Wired in issue #5 (badge, context menu, commands).
});
