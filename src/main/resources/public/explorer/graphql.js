// GraphiQL over this service's /graphql. The endpoint needs a bearer token (even for the schema), so the headers
// tab starts with the Authorization header to fill in from POST /api/v1/auth/login's access_token.
const fetcher = GraphiQL.createFetcher({ url: new URL("../graphql", window.location.href).toString() });
ReactDOM.createRoot(document.getElementById("explorer")).render(
  React.createElement(GraphiQL, {
    fetcher: fetcher,
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: true,
    defaultHeaders: '{\n  "Authorization": "Bearer <access_token>"\n}',
    defaultQuery: "# Fill in the Authorization header below; the Docs pane then lists every field.\n{\n  __schema { queryType { fields { name } } }\n}\n"
  })
);
