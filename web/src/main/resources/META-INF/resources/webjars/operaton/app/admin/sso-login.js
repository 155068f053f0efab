// Under single sign-on the webapp's own login form cannot work (the engine checks no passwords of its own):
// whenever the app shows its login route (after a logout or an expired session), go through Keycloak instead.
const throughKeycloak = () => {
  if (window.location.hash.startsWith('#/login')) {
    window.location.replace(window.location.pathname);
  }
};
window.addEventListener('hashchange', throughKeycloak);
throughKeycloak();
export default [];
