// Bundled in place of chevrotain's applyMixins (the plugin in scripts/bundle-cli.mjs): the same
// function, run on a prototype V8 keeps as a dictionary while the mixins' methods are added.
// Chevrotain's Parser class takes the methods of ten mixin classes, about 250, one at a time,
// when its module runs, at every start of the CLI. V8 gives a class's prototype fast properties,
// and a prototype's map is never shared, so each method added copied the map's whole list of
// properties: some 650 KB of short-lived copies at every start (a third of what the young
// generation holds before its first scavenge). Added to a dictionary, each costs one entry; V8
// makes the prototype fast again, in one step, when it is first used as one.

/**
 * Puts `object` in dictionary mode: deleting a property other than the last one added makes V8
 * give up the object's map for a dictionary of its properties. Two properties keyed by symbols
 * only this function holds are added and deleted, so the object ends with the properties it had.
 */
export function toDictionaryMode(object) {
  const first = Symbol('first');
  const second = Symbol('second');
  object[first] = undefined;
  object[second] = undefined;
  delete object[first];
  delete object[second];
}

/**
 * `applyMixins` (chevrotain's: the mixins' prototype properties copied onto the derived class's
 * prototype) run on that prototype in dictionary mode.
 */
export function onDictionaryPrototype(applyMixins) {
  return (derivedCtor, baseCtors) => {
    toDictionaryMode(derivedCtor.prototype);
    applyMixins(derivedCtor, baseCtors);
  };
}
