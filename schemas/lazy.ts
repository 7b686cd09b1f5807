// Builds a value on first use and keeps it: a schema that a function never needs costs nothing at cold start.

export type Lazy<T> = () => T;

export function lazy<T>(build: () => T): Lazy<T> {
  let built: { readonly value: T } | undefined;
  return () => {
    built ??= { value: build() };
    return built.value;
  };
}
