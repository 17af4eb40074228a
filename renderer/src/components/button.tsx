import { LoaderCircle, type LucideIcon } from 'lucide-react';
import type { ButtonHTMLAttributes, Ref } from 'react';

/** How prominent a button is; one primary action per view, destructive only for deleting things. */
export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

/** Props of {@link Button}. */
export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  /** A lucide icon drawn before the label. */
  icon?: LucideIcon;
  /** Swaps the icon for a spinner; the caller still decides whether the button is disabled. */
  busy?: boolean;
  /** React 19 passes refs as props; Radix's `asChild` slots need it to move focus. */
  ref?: Ref<HTMLButtonElement>;
}

/** The app's text button. */
export function Button({
  variant = 'secondary',
  icon: Icon,
  busy = false,
  className,
  children,
  type = 'button',
  ...rest
}: ButtonProps) {
  const classes = ['button', `button--${variant}`, className].filter(Boolean).join(' ');
  return (
    <button type={type} className={classes} {...rest}>
      {busy ? (
        <LoaderCircle className="button__icon spin" aria-hidden="true" />
      ) : Icon ? (
        <Icon className="button__icon" aria-hidden="true" />
      ) : null}
      {children}
    </button>
  );
}

/** Props of {@link IconButton}: the label is required because the button has no visible text. */
export interface IconButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  icon: LucideIcon;
  'aria-label': string;
  variant?: 'ghost' | 'danger-ghost';
  ref?: Ref<HTMLButtonElement>;
}

/** A square, icon-only button; its `aria-label` doubles as the tooltip so sighted users get it too. */
export function IconButton({ icon: Icon, variant = 'ghost', className, type = 'button', ...rest }: IconButtonProps) {
  const classes = ['icon-button', `icon-button--${variant}`, className].filter(Boolean).join(' ');
  return (
    <button type={type} className={classes} title={rest['aria-label']} {...rest}>
      <Icon aria-hidden="true" />
    </button>
  );
}
