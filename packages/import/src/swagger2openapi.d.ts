/** The part of swagger2openapi (which ships no types) that import uses. */
declare module 'swagger2openapi' {
  const swagger2openapi: {
    convertObj(
      swagger: unknown,
      options: Record<string, unknown>,
    ): Promise<{ openapi: Record<string, unknown> }>;
  };
  export default swagger2openapi;
}
