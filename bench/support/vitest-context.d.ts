import 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    /** The temporary folder of the benchmark database (support/global-setup.ts). */
    benchDir: string
  }
}
