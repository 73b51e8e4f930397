/** Two versions of a small spec for the `specl diff` CLI tests. */
export const oldShop = `spec Shop version "1.0.0"
type Item {
  id: Uuid
  name: String { maxLength: 50 }
}
endpoint getItem GET /items/{id: Uuid} {
  response 200 Item
}
`;

/** `name` removed from `Item` (breaking), `listItems` added (not); the version says 1.1.0. */
export const newShop = `spec Shop version "1.1.0"
type Item {
  id: Uuid
}
endpoint getItem GET /items/{id: Uuid} {
  response 200 Item
}
endpoint listItems GET /items {
  response 200 List<Item>
}
`;

/** The files of a project holding both versions side by side. */
export const shopFiles = { 'api/old.specl': oldShop, 'api/new.specl': newShop };
