// Swagger UI over the committed contract the service serves itself. "Authorize" takes the access_token from
// POST /api/v1/auth/login (or an integrator's X-Api-Key); the token stays in this browser's storage only.
window.ui = SwaggerUIBundle({
  url: "../openapi/open-attendance-api-1.yml",
  dom_id: "#explorer",
  deepLinking: true,
  persistAuthorization: true,
  tryItOutEnabled: false,
  validatorUrl: null // the default would send the contract to an outside validator
});
