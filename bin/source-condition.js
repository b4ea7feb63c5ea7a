// A module resolve hook for firedrill's checkout: adds the "firedrill-source" export condition,
// so that package.json's exports send `firedrill` to harness/api.ts instead of dist/.
export async function resolve(specifier, context, nextResolve) {
  return nextResolve(specifier, {
    ...context,
    conditions: [...context.conditions, "firedrill-source"],
  });
}
