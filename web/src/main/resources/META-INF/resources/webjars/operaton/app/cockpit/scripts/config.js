// Settings of the approval system's Cockpit: English (its Chinese locale file is still to come).
export default {
  // app/cockpit/sso-login.js: the login route goes to Keycloak
  customScripts: ['sso-login']
};
