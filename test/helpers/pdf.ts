import { createCanvas } from '@napi-rs/canvas';

/**
 * What a reader gets from a PDF, read with pdf.js (Mozilla's PDF engine, a
 * devDependency) instead of poppler's command-line tools, which a machine set
 * up by the README alone does not have.
 */
export interface PdfFacts {
  pages: number;
  tagged: boolean;
  /** Every bookmark title, nested ones included, in document order. */
  outline: string[];
  /** Text of every page, pages joined by a form feed. */
  text: string;
  /** Per page, how many pixels of a 30 dpi rendering are not white: a page that draws nothing has 0. */
  inkedPixels: number[];
}

export async function readPdf(bytes: Uint8Array): Promise<PdfFacts> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // verbosity 0: pdf.js would print a warning for each gradient type it cannot paint (the PDF is fine).
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const mark = (await doc.getMarkInfo()) as { Marked?: boolean } | null;
    type Item = { title: string; items?: Item[] };
    const flatten = (items: Item[]): string[] => items.flatMap((o) => [o.title, ...flatten(o.items ?? [])]);
    const outline = flatten(((await doc.getOutline()) ?? []));
    const texts: string[] = [];
    const inked: number[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      texts.push(content.items.map((i) => ('str' in i ? i.str + (i.hasEOL ? '\n' : ' ') : '')).join(''));
      const viewport = page.getViewport({ scale: 30 / 72 });
      const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
      const ctx = canvas.getContext('2d');
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      await page.render({ canvas: canvas as unknown as HTMLCanvasElement, canvasContext: ctx as unknown as CanvasRenderingContext2D, viewport }).promise;
      const px = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
      let ink = 0;
      for (let i = 0; i < px.length; i += 4) if (px[i]! < 250 || px[i + 1]! < 250 || px[i + 2]! < 250) ink++;
      inked.push(ink);
      page.cleanup();
    }
    return { pages: doc.numPages, tagged: mark?.Marked === true, outline, text: texts.join('\f'), inkedPixels: inked };
  } finally {
    await doc.destroy();
  }
}
