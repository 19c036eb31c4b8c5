import type { Doc } from './types'

/**
 * Cheap tagging for pdfkit's tagged-PDF support: a stack of open structure elements per document.
 * Helpers call `tagged` for leaf content (H1, P, TD…) and `group` for containers (Table, TR, L).
 * Page breaks must happen outside `tagged` (pdfkit's own text flow may break pages inside it).
 */
const openElements = new WeakMap<Doc, PDFKit.PDFStructureElement[]>()

export function beginStructure(doc: Doc) {
  if (!doc.options.tagged) return
  const root = doc.struct('Document')
  doc.addStructure(root)
  openElements.set(doc, [root])
}

export function endStructure(doc: Doc) {
  const stack = openElements.get(doc)
  openElements.delete(doc)
  stack?.[0]?.end()
}

function currentParent(doc: Doc) {
  return openElements.get(doc)?.at(-1)
}

/** Header cells say what they head, for screen readers (pdfkit 0.19+; not in @types 0.17). */
type ElementOptions = PDFKit.Mixins.StructureElementOptions & { scope?: 'Row' | 'Column' | 'Both' }

/** Draws content as one structure element of the given type (H1, P, TD, Lbl…). */
export function tagged(doc: Doc, type: string, draw: () => void, options: ElementOptions = {}) {
  const parent = currentParent(doc)
  if (!parent) {
    draw()
    return
  }
  // The closure runs as soon as the element is attached to its (attached) parent.
  parent.add(doc.struct(type, options, draw))
}

/** Opens a container element (Table, TR, L, LI, Sect) for everything tagged inside `build`. */
export function group(doc: Doc, type: string, build: () => void) {
  const stack = openElements.get(doc)
  const parent = stack?.at(-1)
  if (!stack || !parent) {
    build()
    return
  }
  const element = doc.struct(type)
  parent.add(element)
  stack.push(element)
  try {
    build()
  } finally {
    stack.pop()
    element.end()
  }
}

/** Draws decoration (rules, fills, page furniture) outside the structure tree. */
export function artifact(doc: Doc, draw: () => void, type: 'Pagination' | 'Layout' = 'Layout') {
  if (!doc.options.tagged) {
    draw()
    return
  }
  doc.markContent('Artifact', { type })
  draw()
  doc.endMarkedContent()
}

/**
 * A container element placed in the structure tree now and filled later, for content drawn
 * after what follows it (a table of contents, whose page numbers are known only at the end).
 */
export function deferredGroup(doc: Doc, type: string): { fill(build: () => void): void } {
  const stack = openElements.get(doc)
  const parent = stack?.at(-1)
  if (!stack || !parent) return { fill: (build) => build() }
  const element = doc.struct(type)
  parent.add(element)
  return {
    fill(build) {
      stack.push(element)
      try {
        build()
      } finally {
        stack.pop()
        element.end()
      }
    },
  }
}
