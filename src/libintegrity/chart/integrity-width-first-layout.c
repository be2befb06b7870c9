/* integrity-width-first-layout.c — children whose width never depends on a height. SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "integrity-width-first-layout.h"

/* A horizontal container (GtkBox, AdwLeaflet) asks each child how wide it
 * must be for the height it has. A column of wrapped labels answers that by
 * a binary search, laying out each label's text again at a dozen widths,
 * and a page asked so through the window's sidebar split did it for every
 * label on it each time one changed: most of a frame's layout time.
 *
 * This layout stacks its children like GtkBinLayout but asks their width
 * without a height, which is what a column that flows its text down
 * actually needs. Put it on a widget that holds a vertical page inside a
 * horizontal container. */

struct _IntegrityWidthFirstLayout
{
  GtkLayoutManager parent_instance;
};

G_DEFINE_FINAL_TYPE (IntegrityWidthFirstLayout, integrity_width_first_layout, GTK_TYPE_LAYOUT_MANAGER)

static GtkSizeRequestMode
integrity_width_first_layout_get_request_mode (GtkLayoutManager *layout,
                                               GtkWidget        *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
integrity_width_first_layout_measure (GtkLayoutManager *layout,
                                      GtkWidget        *widget,
                                      GtkOrientation    orientation,
                                      int               for_size,
                                      int              *minimum,
                                      int              *natural,
                                      int              *minimum_baseline,
                                      int              *natural_baseline)
{
  int child_for_size = orientation == GTK_ORIENTATION_HORIZONTAL ? -1 : for_size;

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min = 0;
      int child_nat = 0;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, orientation, child_for_size, &child_min, &child_nat, NULL, NULL);
      *minimum = MAX (*minimum, child_min);
      *natural = MAX (*natural, child_nat);
    }
}

static void
integrity_width_first_layout_allocate (GtkLayoutManager *layout,
                                       GtkWidget        *widget,
                                       int               width,
                                       int               height,
                                       int               baseline)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_should_layout (child))
      gtk_widget_allocate (child, width, height, baseline, NULL);
}

static void
integrity_width_first_layout_class_init (IntegrityWidthFirstLayoutClass *klass)
{
  GtkLayoutManagerClass *layout_class = GTK_LAYOUT_MANAGER_CLASS (klass);

  layout_class->get_request_mode = integrity_width_first_layout_get_request_mode;
  layout_class->measure = integrity_width_first_layout_measure;
  layout_class->allocate = integrity_width_first_layout_allocate;
}

static void
integrity_width_first_layout_init (IntegrityWidthFirstLayout *self)
{
}

/**
 * integrity_width_first_layout_new:
 *
 * Returns: (transfer full): a layout manager that stacks a widget's
 *   children, as GtkBinLayout does, but asks their width without a height
 */
GtkLayoutManager *
integrity_width_first_layout_new (void)
{
  return g_object_new (INTEGRITY_TYPE_WIDTH_FIRST_LAYOUT, NULL);
}
