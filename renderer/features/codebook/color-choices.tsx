/**
 * Choosing a code's colour: the palette of distinct highlight colours, each named in words, or any colour through
 * the system picker.
 */
import { CODE_PALETTE } from '#shared/codebook/create-code';
import { colorName } from '#shared/codebook/color-names';

interface ColorChoicesProps {
  readonly value: string;
  readonly onChange: (color: string) => void;
}

/** A row of colour swatches and a custom colour field. */
export function ColorChoices({ value, onChange }: ColorChoicesProps) {
  return (
    <div className="color-choices" role="radiogroup" aria-label="Colour">
      {CODE_PALETTE.map((color) => (
        <button
          key={color}
          type="button"
          role="radio"
          aria-checked={color === value.toLowerCase()}
          aria-label={colorName(color)}
          title={colorName(color)}
          className={`color-choice${color === value.toLowerCase() ? ' chosen' : ''}`}
          style={{ background: color }}
          onClick={() => onChange(color)}
        />
      ))}
      <input type="color" aria-label="Other colour" value={value} onChange={(e) => onChange(e.target.value.toLowerCase())} />
    </div>
  );
}
