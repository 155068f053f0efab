// Settings of the approval system's Admin: English (its Chinese locale file is still to come).
export default {
  // app/admin/sso-login.js: the login route goes to Keycloak
  customScripts: ['sso-login']
};
