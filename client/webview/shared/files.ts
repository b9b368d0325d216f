// Files a page makes and hands to the extension to save (the page cannot write files): text as is, images as
// base64. PNG is the SVG drawn onto a canvas, so both exports show exactly the same picture.
import { post } from './host.js';

export function saveText(fileName: string, text: string): void {
  post({ type: 'save', fileName, data: text, encoding: 'utf8' });
}

export async function svgToPngBase64(svg: string, width: number, height: number, scale = 2): Promise<string> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d')!;
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    return canvas.toDataURL('image/png').slice('data:image/png;base64,'.length);
  } finally {
    URL.revokeObjectURL(url);
  }
}

export async function savePng(fileName: string, svg: string, width: number, height: number): Promise<void> {
  post({ type: 'save', fileName, data: await svgToPngBase64(svg, width, height), encoding: 'base64' });
}

/** The theme's colour of a CSS variable, for pictures that leave the page (SVG/PNG files, canvases). */
export function themeColor(variable: string, fallback: string): string {
  return getComputedStyle(document.body).getPropertyValue(variable).trim() || fallback;
}
