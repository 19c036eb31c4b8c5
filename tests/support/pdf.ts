import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

/**
 * Reads rendered PDFs back with poppler and qpdf, as a reader's tools would: the text of each
 * page, the fonts, the metadata and qpdf's structural check.
 */
export function pdfFile(bytes: Buffer | Uint8Array): { file: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'narada-pdf-test-'))
  const file = path.join(dir, 'document.pdf')
  writeFileSync(file, bytes)
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) }
}

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8' })

/** Page texts in reading order; pdftotext ends every page with a form feed. */
export const pageTexts = (file: string) => run('pdftotext', ['-enc', 'UTF-8', file, '-']).split('\f').slice(0, -1)
/** The same, in the physical layout: a table row stays on one line. */
export const layoutText = (file: string) => run('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'])
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim()
export const pdfInfo = (file: string) => run('pdfinfo', ['-isodates', file])

/** Every font of the file, and whether it is embedded (pdffonts' "emb" column). */
export function pdfFonts(file: string): { name: string; embedded: boolean }[] {
  return run('pdffonts', [file])
    .trim()
    .split('\n')
    .slice(2)
    .map((line) => {
      const columns = line.trim().split(/\s+/)
      return { name: columns[0] ?? '', embedded: columns.at(-5) === 'yes' }
    })
}

export function qpdfCheck(file: string) {
  const result = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}
